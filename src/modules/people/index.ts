export { findOrCreatePerson, findOrCreatePeople, normalizeEmail, type PersonIdentity } from './find-or-create-person.ts';
export { listPeople } from './list-people.ts';
export { updatePerson } from './update-person.ts';
export { presentPerson, type PersonJson } from './people.present.ts';
