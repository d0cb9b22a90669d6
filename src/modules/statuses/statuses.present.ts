import type { Status, StatusKind } from '../../db/schema.ts';

export type StatusJson = { id: string; name: string; slug: string; kind: StatusKind; color: string; position: number; isDefault: boolean };

export function presentStatus(status: Status): StatusJson {
  return {
    id: status.id,
    name: status.name,
    slug: status.slug,
    kind: status.kind,
    color: status.color,
    position: status.position,
    isDefault: status.is_default,
  };
}
