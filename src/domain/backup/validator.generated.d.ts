// Types of the precompiled backup validators (validator.generated.js, generated from ./schema.ts).
// A plain .js file because the generated code is too deep for the type checker to analyse.
import type { CompiledValidator } from './validate';

/** Format version 2 (events). */
export declare const validate: CompiledValidator;
/** Format version 1 (rows), still imported. */
export declare const validateV1: CompiledValidator;
