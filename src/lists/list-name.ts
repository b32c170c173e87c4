/** Longest list name kept; long enough for "Reading group, spring term 2027: Victorian novels". */
export const LIST_NAME_MAX = 100;

/** Most lists one member may keep, so one account cannot fill the store. */
export const LISTS_PER_MEMBER = 100;

/** The name as typed, spaces collapsed and control characters dropped, or undefined when nothing is left or it is too long. */
export function listName(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const name = input.replace(/[\u0000-\u001F\u007F]/g, ' ').replace(/\s+/g, ' ').trim();
  return name && name.length <= LIST_NAME_MAX ? name : undefined;
}
