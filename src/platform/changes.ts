/**
 * A PATCH that sends nothing to change. Stores answer the object as it is and write nothing, so an
 * empty change neither fails (an UPDATE needs a SET) nor moves `updated_at`.
 */
export const isEmptyChange = (changes: object): boolean => Object.values(changes).every((value) => value === undefined);
