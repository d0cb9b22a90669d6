import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import { ListPeopleQuery, PersonSchema, UpdatePersonBody } from './people.schemas.ts';
import { presentPerson } from './people.present.ts';
import { listPeople } from './list-people.ts';
import { updatePerson } from './update-person.ts';

export function peopleRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['people'];

    app.get('/api/v1/people', {
      schema: { tags, summary: 'List people (end users), newest first, optionally searching email and name (team)', querystring: ListPeopleQuery, response: { 200: Page(PersonSchema), ...errorResponses } },
    }, async (request) => {
      const page = await listPeople(contextOf(request, deps), request.query);
      return { items: page.items.map(presentPerson), nextCursor: page.nextCursor };
    });

    app.patch('/api/v1/people/:id', {
      schema: { tags, summary: "Change a person's name or company", params: IdParams, body: UpdatePersonBody, response: { 200: PersonSchema, ...errorResponses } },
    }, async (request) => presentPerson(await updatePerson(contextOf(request, deps), request.params.id, request.body)));
  };
}
