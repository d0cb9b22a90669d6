import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import {
  CreatedWebhookEndpointSchema, CreateWebhookBody, DeliveryIdParams, ListDeliveriesQuery, RotateSecretBody,
  UpdateWebhookBody, WebhookDeliverySchema, WebhookEndpointSchema, WebhookSecretSchema,
} from './webhooks.schemas.ts';
import { presentWebhookDelivery, presentWebhookEndpoint, presentWebhookSecret } from './webhooks.present.ts';
import { createWebhook } from './create-webhook.ts';
import { updateWebhook } from './update-webhook.ts';
import { deleteWebhook } from './delete-webhook.ts';
import { getWebhook, listWebhooks } from './list-webhooks.ts';
import { rotateWebhookSecret } from './rotate-webhook-secret.ts';
import { revealWebhookSecret } from './reveal-webhook-secret.ts';
import { setWebhookEnabled } from './set-webhook-enabled.ts';
import { sendTestWebhook } from './send-test-webhook.ts';
import { listWebhookDeliveries, type DeliveryWithAttempts } from './list-webhook-deliveries.ts';
import { replayWebhookDelivery } from './replay-webhook-delivery.ts';

const presentItem = ({ delivery, attempts }: DeliveryWithAttempts) => presentWebhookDelivery(delivery, attempts);

export function webhooksRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['webhooks'];
    const Endpoint = { 200: WebhookEndpointSchema, ...errorResponses };

    app.get('/api/v1/webhooks', {
      schema: { tags, summary: 'List webhook endpoints (admin)', response: { 200: Type.Object({ items: Type.Array(WebhookEndpointSchema) }), ...errorResponses } },
    }, async (request) => ({ items: (await listWebhooks(contextOf(request, deps))).map((e) => presentWebhookEndpoint(e)) }));

    app.post('/api/v1/webhooks', {
      schema: { tags, summary: 'Add a webhook endpoint; its secret is in this response (admin)', body: CreateWebhookBody, response: { 201: CreatedWebhookEndpointSchema, ...errorResponses } },
    }, async (request, reply) => {
      const created = await createWebhook(contextOf(request, deps), request.body);
      return reply.status(201).send({ ...presentWebhookEndpoint(created), secret: created.secret });
    });

    app.get('/api/v1/webhooks/:id', {
      schema: { tags, summary: 'Get a webhook endpoint (admin)', params: IdParams, response: Endpoint },
    }, async (request) => presentWebhookEndpoint(await getWebhook(contextOf(request, deps), request.params.id)));

    app.patch('/api/v1/webhooks/:id', {
      schema: { tags, summary: 'Change URL, description or event types (admin)', params: IdParams, body: UpdateWebhookBody, response: Endpoint },
    }, async (request) => presentWebhookEndpoint(await updateWebhook(contextOf(request, deps), request.params.id, request.body)));

    app.delete('/api/v1/webhooks/:id', {
      schema: { tags, summary: 'Delete a webhook endpoint and its delivery log (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await deleteWebhook(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });

    app.post('/api/v1/webhooks/:id/enable', {
      schema: { tags, summary: 'Enable an endpoint (clears its failure streak) (admin)', params: IdParams, response: Endpoint },
    }, async (request) => presentWebhookEndpoint(await setWebhookEnabled(contextOf(request, deps), request.params.id, true)));

    app.post('/api/v1/webhooks/:id/disable', {
      schema: { tags, summary: 'Disable an endpoint; pending deliveries end (admin)', params: IdParams, response: Endpoint },
    }, async (request) => presentWebhookEndpoint(await setWebhookEnabled(contextOf(request, deps), request.params.id, false)));

    app.post('/api/v1/webhooks/:id/rotate-secret', {
      schema: {
        tags, summary: 'Issue a new secret; the old one keeps signing for the grace period (admin)', params: IdParams,
        body: RotateSecretBody, response: { 200: CreatedWebhookEndpointSchema, ...errorResponses },
      },
      // the body is optional: a bare POST rotates with the default grace period
      preValidation: async (request) => {
        request.body ??= {};
      },
    }, async (request) => {
      const rotated = await rotateWebhookSecret(contextOf(request, deps), request.params.id, request.body);
      return { ...presentWebhookEndpoint(rotated), secret: rotated.secret };
    });

    app.get('/api/v1/webhooks/:id/secret', {
      schema: { tags, summary: 'Reveal the signing secret(s) (admin)', params: IdParams, response: { 200: WebhookSecretSchema, ...errorResponses } },
    }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return presentWebhookSecret(await revealWebhookSecret(contextOf(request, deps), request.params.id));
    });

    app.post('/api/v1/webhooks/:id/test', {
      schema: { tags, summary: 'Send a webhook.test ping now and return the attempt (admin)', params: IdParams, response: { 200: WebhookDeliverySchema, ...errorResponses } },
    }, async (request) => presentItem(await sendTestWebhook(contextOf(request, deps), request.params.id)));

    app.get('/api/v1/webhooks/:id/deliveries', {
      schema: { tags, summary: 'Delivery log, newest first, with attempts (admin)', params: IdParams, querystring: ListDeliveriesQuery, response: { 200: Page(WebhookDeliverySchema), ...errorResponses } },
    }, async (request) => {
      const page = await listWebhookDeliveries(contextOf(request, deps), request.params.id, request.query);
      return { items: page.items.map(presentItem), nextCursor: page.nextCursor };
    });

    app.post('/api/v1/webhook-deliveries/:id/replay', {
      schema: { tags, summary: 'Send a delivery again (same webhook-id, new retry round) (admin)', params: DeliveryIdParams, response: { 202: WebhookDeliverySchema, ...errorResponses } },
    }, async (request, reply) => reply.status(202).send(presentItem(await replayWebhookDelivery(contextOf(request, deps), request.params.id))));
  };
}
