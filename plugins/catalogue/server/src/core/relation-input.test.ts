import { parseToOneRelationInput } from './relation-input';

describe('to-one relation input', () => {
  it.each([
    [undefined, { kind: 'unchanged' }],
    [{ connect: [], disconnect: [] }, { kind: 'unchanged' }],
    [null, { kind: 'cleared' }],
    [{ set: [] }, { kind: 'cleared' }],
    [{ disconnect: [{ id: 3 }], connect: [] }, { kind: 'cleared' }],
    ['abc123', { kind: 'set', ref: { documentId: 'abc123' } }],
    [7, { kind: 'set', ref: { id: 7 } }],
    ['7', { kind: 'set', ref: { id: 7 } }],
    [{ documentId: 'd1' }, { kind: 'set', ref: { documentId: 'd1' } }],
    [{ connect: [{ id: 4, documentId: 'd4' }], disconnect: [{ id: 3 }] }, { kind: 'set', ref: { documentId: 'd4' } }],
    [{ set: ['d9'] }, { kind: 'set', ref: { documentId: 'd9' } }],
    [['d1', 'd2'], { kind: 'set', ref: { documentId: 'd2' } }],
    [{ connect: [{ position: { end: true } }] }, { kind: 'unknown' }],
    [true, { kind: 'unknown' }],
  ])('%j → %j', (input, expected) => {
    expect(parseToOneRelationInput(input)).toEqual(expected);
  });
});
