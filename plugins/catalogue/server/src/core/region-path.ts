import { fieldError, type FieldError } from './errors';

/**
 * Regions are stored with a materialised path of division codes, `/330000/330100/330106/`,
 * so "this region and every region below it" is one indexed string match, not a tree walk.
 */
export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_CODE_PATTERN = /^\d{6}(\d{3}){0,2}$/;

export const regionPath = (parentPath: string | null | undefined, code: string): string => `${parentPath || '/'}${code}/`;

/** Matches the region itself and all of its descendants. */
export const regionSubtreeMatch = (code: string): string => `/${code}/`;

/** Digits of a code that its descendants share: 2 for a province, 4 for a city, 6 for a county, 9 for a township. */
const SIGNIFICANT_DIGITS: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

/** A child region must sit below its parent both in level and in its division code. */
export const checkRegionPlacement = (
  child: { code: string; level: RegionLevel },
  parent: { code: string; level: RegionLevel } | null
): FieldError[] => {
  if (!parent) return [];
  const errors: FieldError[] = [];
  if (REGION_LEVELS.indexOf(child.level) <= REGION_LEVELS.indexOf(parent.level)) {
    errors.push(fieldError('level', 'REGION_LEVEL_ORDER', child.level));
  }
  const prefix = parent.code.slice(0, SIGNIFICANT_DIGITS[parent.level]);
  if (!child.code.startsWith(prefix) || child.code === parent.code) {
    errors.push(fieldError('code', 'REGION_CODE_OUTSIDE_PARENT', child.code, `应以 ${prefix} 开头`));
  }
  return errors;
};
