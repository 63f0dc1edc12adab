export { VENDORS, isVendor, specPath, type Vendor } from './vendors.ts';
export { loadSpec, loadSpecFile, SpecError, type LoadedSpec } from './load-spec.ts';
export { readRuleCatalogue, operationsByRule, RULE_LEVELS, type Rule, type RuleLevel } from './rule-catalogue.ts';
export {
  compileValidators,
  type SpecValidators,
  type OperationSpec,
  type ResponseSpec,
  type SchemaViolation,
  type ValidationResult,
} from './compile-validators.ts';
export { loadVendorSpec, loadVendorSpecFile, type VendorSpec } from './vendor-spec.ts';
export { readXConform, requiredRole, roleHolds, roleOfKey, type CredentialRole, type XConform, type TimestampEncoding } from './x-conform.ts';
