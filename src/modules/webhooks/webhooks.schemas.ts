import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.ts';
import { EVENT_TYPES } from '../events/index.ts';

export const EventTypeSchema = Type.Union(EVENT_TYPES.map((type) => Type.Literal(type)));

const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'http(s) URL of the receiver; must reach a public address' });
const Description = Type.String({ maxLength: 500 });
const EventTypes = Type.Array(EventTypeSchema, { maxItems: EVENT_TYPES.length, uniqueItems: true, description: 'Empty: every event type' });

export const WebhookEndpointSchema = Type.Object({
  id: Uuid,
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabledReason: Type.Union([Type.Literal('manual'), Type.Literal('gone'), Type.Literal('failing'), Type.Null()]),
  disabledDetail: Type.Union([Type.String(), Type.Null()]),
  disabledAt: Type.Union([Timestamp, Type.Null()]),
  consecutiveFailures: Type.Integer(),
  secretHint: Type.String({ description: 'The first characters of the signing secret' }),
  previousSecretExpiresAt: Type.Union([Timestamp, Type.Null()], { description: 'Set during a rotation: until then the old secret signs too' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}, { $id: 'WebhookEndpoint' });

export const WebhookSecretSchema = Type.Object({
  secret: Type.String({ description: 'whsec_… signing secret' }),
  previousSecret: Type.Union([Type.String(), Type.Null()]),
  previousSecretExpiresAt: Type.Union([Timestamp, Type.Null()]),
});

export const CreatedWebhookEndpointSchema = Type.Object({
  ...WebhookEndpointSchema.properties,
  secret: Type.String({ description: 'The signing secret: shown in full only here (and by the admin-only reveal endpoint)' }),
});

export const CreateWebhookBody = Type.Object({
  url: Url,
  description: Type.Optional(Description),
  eventTypes: Type.Optional(EventTypes),
});
export type CreateWebhookInput = Static<typeof CreateWebhookBody>;

export const UpdateWebhookBody = Type.Object({
  url: Type.Optional(Url),
  description: Type.Optional(Description),
  eventTypes: Type.Optional(EventTypes),
}, { minProperties: 1 });
export type UpdateWebhookInput = Static<typeof UpdateWebhookBody>;

export const RotateSecretBody = Type.Object({
  gracePeriodHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 168, default: 24, description: 'How long the old secret keeps signing (0: stop at once)' })),
});
export type RotateSecretInput = Static<typeof RotateSecretBody>;

const DeliveryStatus = Type.Union([Type.Literal('queued'), Type.Literal('delivered'), Type.Literal('failed'), Type.Literal('dead')]);
const Headers = Type.Record(Type.String(), Type.String());

export const WebhookDeliverySchema = Type.Object({
  id: Type.String({ description: 'The webhook-id header: stable across retries and replays' }),
  endpointId: Uuid,
  eventId: Type.Union([Uuid, Type.Null()]),
  eventType: Type.String(),
  status: DeliveryStatus,
  attemptCount: Type.Integer(),
  request: Type.Object({ headers: Headers, body: Type.String() }),
  responseStatus: Type.Union([Type.Integer(), Type.Null()]),
  responseTimeMs: Type.Union([Type.Integer(), Type.Null()]),
  responseBody: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
  deliveredAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  attempts: Type.Array(Type.Object({
    attemptNumber: Type.Integer(),
    startedAt: Timestamp,
    durationMs: Type.Integer(),
    requestHeaders: Headers,
    responseStatus: Type.Union([Type.Integer(), Type.Null()]),
    responseBody: Type.Union([Type.String(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
    isSuccess: Type.Boolean(),
  })),
}, { $id: 'WebhookDelivery' });

export const ListDeliveriesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  status: Type.Optional(DeliveryStatus),
});
export type ListDeliveriesInput = Static<typeof ListDeliveriesQuery>;

export const DeliveryIdParams = Type.Object({ id: Type.String({ pattern: '^msg_[A-Za-z0-9_-]{1,64}$' }) });
