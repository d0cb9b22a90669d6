import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type ResolvedAppDeps } from '../../http/context.ts';
import { cachedPublicRead } from '../../http/public-cache.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { BoardRefParams, BoardSchema, CreateBoardBody, UpdateBoardBody } from './boards.schemas.ts';
import { createBoard } from './create-board.ts';
import { updateBoard } from './update-board.ts';
import { deleteBoard } from './delete-board.ts';
import { listBoards } from './list-boards.ts';
import { getBoard } from './get-board.ts';
import { presentBoard } from './boards.present.ts';

export function boardsRoutes(deps: ResolvedAppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['boards'];

    app.get('/api/v1/boards', {
      schema: { tags, summary: 'List the boards you can see', response: { 200: Type.Object({ items: Type.Array(BoardSchema) }), ...errorResponses } },
    }, async (request, reply) => cachedPublicRead(request, reply, deps.publicCache, async () => ({ items: (await listBoards(contextOf(request, deps))).map(presentBoard) })));

    app.get('/api/v1/boards/:idOrSlug', {
      schema: { tags, summary: 'Get a board by id or slug', params: BoardRefParams, response: { 200: BoardSchema, ...errorResponses } },
    }, async (request, reply) => cachedPublicRead(request, reply, deps.publicCache, async () => presentBoard(await getBoard(contextOf(request, deps), request.params.idOrSlug))));

    app.post('/api/v1/boards', {
      schema: { tags, summary: 'Create a board (admin)', body: CreateBoardBody, response: { 201: BoardSchema, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(presentBoard(await createBoard(contextOf(request, deps), request.body))));

    app.patch('/api/v1/boards/:id', {
      schema: { tags, summary: 'Change a board (admin)', params: IdParams, body: UpdateBoardBody, response: { 200: BoardSchema, ...errorResponses } },
    }, async (request) => presentBoard(await updateBoard(contextOf(request, deps), request.params.id, request.body)));

    app.delete('/api/v1/boards/:id', {
      schema: { tags, summary: 'Delete a board and its posts (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await deleteBoard(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
