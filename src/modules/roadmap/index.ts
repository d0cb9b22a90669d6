export { getRoadmap, type Roadmap, type RoadmapColumn } from './get-roadmap.ts';
export { presentRoadmap, type RoadmapJson, type RoadmapCardJson } from './roadmap.present.ts';
export { ROADMAP_KINDS, type RoadmapKind } from './roadmap.schemas.ts';
