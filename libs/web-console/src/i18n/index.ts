export * from './console-texts';
export * from './console-languages';
