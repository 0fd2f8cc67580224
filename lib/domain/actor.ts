/** Who makes a write: the account's id (null for seed and system writes) and its display name at the time. */
export interface Actor {
  id: string | null;
  name: string;
}
