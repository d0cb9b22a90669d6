import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { CreateMemberBody, MemberSchema, UpdateMemberBody } from './members.schemas.ts';
import { presentMember } from './members.present.ts';
import { listMembers } from './list-members.ts';
import { createMember } from './create-member.ts';
import { updateMember } from './update-member.ts';
import { deleteMember } from './delete-member.ts';

export function membersRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['members'];

    app.get('/api/v1/members', {
      schema: { tags, summary: 'List team members (team)', response: { 200: Type.Object({ items: Type.Array(MemberSchema) }), ...errorResponses } },
    }, async (request) => ({ items: (await listMembers(contextOf(request, deps))).map(presentMember) }));

    app.post('/api/v1/members', {
      schema: { tags, summary: 'Add a team member (admin; owners only for role owner)', body: CreateMemberBody, response: { 201: MemberSchema, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(presentMember(await createMember(contextOf(request, deps), request.body))));

    app.patch('/api/v1/members/:id', {
      schema: { tags, summary: "Change a member's role or name (admin; the last owner stays owner)", params: IdParams, body: UpdateMemberBody, response: { 200: MemberSchema, ...errorResponses } },
    }, async (request) => presentMember(await updateMember(contextOf(request, deps), request.params.id, request.body)));

    app.delete('/api/v1/members/:id', {
      schema: { tags, summary: 'Remove a member and end their sessions (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await deleteMember(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
