// Types of the precompiled backup validator (validator.generated.js, generated from ./schema.ts).
// A plain .js file because the generated code is too deep for the type checker to analyse.
import type { CompiledValidator } from './validate';

export declare const validate: CompiledValidator;
export default validate;
