import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { DEFAULT_WORD_LISTS } from '../core/default-lexicon';
import { Lexicon, parseWordList, type LexiconCategory } from '../core/lexicon';

type WordListRow = { id: number; name: string; category: LexiconCategory; words: string | null; enabled: boolean | null; updatedAt: string | Date };

/**
 * The word lists in force, compiled once per version (a change of any list, its time or count,
 * is a new version) and shared by every scan of this instance.
 */
const lexicon = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { version: string; lexicon: Lexicon } | null = null;

  const versionOf = (rows: Array<Pick<WordListRow, 'id' | 'updatedAt'>>) =>
    `${rows.length}:${rows.reduce((max, r) => Math.max(max, new Date(r.updatedAt).getTime()), 0)}:${rows.reduce((sum, r) => sum + r.id, 0)}`;

  return {
    /** The compiled lexicon and its version string (stored with every scan result). */
    async current(): Promise<{ version: string; lexicon: Lexicon }> {
      const stamps = (await strapi.db.query(UID.wordList).findMany({ select: ['id', 'updatedAt'] })) as WordListRow[];
      const version = versionOf(stamps);
      if (cached?.version === version) return cached;
      const rows = (await strapi.db.query(UID.wordList).findMany({ where: { enabled: { $ne: false } } })) as WordListRow[];
      const entries = rows.flatMap((row) => parseWordList(row.words).map((word) => ({ word, category: row.category })));
      cached = { version, lexicon: new Lexicon(entries) };
      return cached;
    },

    invalidate() {
      cached = null;
    },

    /** The shipped lists, created once when the table is empty; afterwards the lists are the administrators'. */
    async seedDefaults() {
      if ((await strapi.db.query(UID.wordList).count({})) > 0) return 0;
      for (const list of DEFAULT_WORD_LISTS) {
        await strapi.db.query(UID.wordList).create({ data: { name: list.name, category: list.category, words: list.words.join('\n'), enabled: true } });
      }
      return DEFAULT_WORD_LISTS.length;
    },
  };
};

export type LexiconService = ReturnType<typeof lexicon>;
export default lexicon;
