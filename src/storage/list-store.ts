/** A member's named list of records, kept with their account after the visit ends. */
export interface SavedList {
  /** Random and unguessable, so an id says nothing about other lists. */
  id: string;
  ownerId: string;
  name: string;
  /** Record ids in the order they were in the basket. */
  recordIds: string[];
  createdAt: number;
  updatedAt: number;
}

/** A list without its items, for the overview. */
export type SavedListSummary = Omit<SavedList, 'recordIds'> & { count: number };

/**
 * Saved lists. Every read and change names the owner, and a list of another
 * owner behaves exactly like one that does not exist, so a caller cannot
 * even learn that an id is in use.
 */
export interface ListStore {
  create(list: SavedList): Promise<void>;
  /** The list, or null when there is none with this id for this owner. */
  get(ownerId: string, id: string): Promise<SavedList | null>;
  /** The owner's lists, most recently changed first. */
  listByOwner(ownerId: string): Promise<SavedListSummary[]>;
  countByOwner(ownerId: string): Promise<number>;
  /** Returns false when there is no such list for this owner. */
  rename(ownerId: string, id: string, name: string, now: number): Promise<boolean>;
  /** Returns false when there is no such list for this owner. */
  delete(ownerId: string, id: string): Promise<boolean>;
}
