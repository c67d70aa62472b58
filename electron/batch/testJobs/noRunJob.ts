/** A module without `runJob`: the pool must report it per item, not respawn workers forever. */
export const somethingElse = 1;
