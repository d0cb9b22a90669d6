export type LabelledPair = { a: string; b: string; duplicate: boolean }; export type CalibrationReport = {}; export function calibrate(): void {}
