export * from './portal-texts';
export * from './portal-languages';
