export { schemaArbitrary, calendarDate, typesOf, type Schema, type Refine, type SchemaArbitraryOptions } from './schema-arbitrary.ts';
export { invalidArbitrary, type InvalidValue } from './invalid-arbitrary.ts';
export { fictionalEmail } from './fictional-email.ts';
export { codePointString } from './code-point-string.ts';
