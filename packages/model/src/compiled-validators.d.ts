/** Declarations for the ajv validators precompiled by scripts/build-validators.mjs. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export const validateFlow: CompiledValidator;
export const validateResources: CompiledValidator;
export const validateFlowTest: CompiledValidator;
