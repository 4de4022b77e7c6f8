/**
 * Grouping, shared by the layers above: `pushTo` adds an item to its key's group in place. Copying the group on
 * every append (`map.set(k, [...(map.get(k) ?? []), x])`) made grouping quadratic in a group's size.
 */
export function pushTo<K, T>(groups: Map<K, T[]>, key: K, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}
