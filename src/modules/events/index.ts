export { EVENT_TYPES, type EventType } from './event-types.ts';
export { recordEvent, wantsEvent, DISPATCH_EVENT_TASK, type RecordedEvent } from './record-event.ts';
export { loadEvent, type StoredEvent } from './load-event.ts';
