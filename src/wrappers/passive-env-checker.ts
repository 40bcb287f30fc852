import { EnvCheckError } from '../core/errors.js';
import type { Env, Info, ResetOptions, ResetResult, StepResult } from '../core/env.js';
import { warnOnce } from '../core/warnings.js';
import { Wrapper } from '../core/wrapper.js';
import { checkResetResult, checkSpaces, checkStepResult, type CheckFindings } from './passive-checks.js';

/**
 * Checks the first `reset` and the first `step` of an environment against the Env contract, as Gymnasium's
 * `PassiveEnvChecker`: a broken contract (missing fields, a non-boolean flag, a non-number reward, spaces that are not
 * spaces) throws `EnvCheckError`; suspicious values (an observation outside its space, NaN) are warned about once.
 * After the first step it costs nothing.
 *
 * @example
 * ```ts
 * const env = new PassiveEnvChecker(new MyEnv());
 * ```
 */
export class PassiveEnvChecker<Obs, Act, I = Info> extends Wrapper<Obs, Act, I> {
  private checkedReset = false;
  private checkedStep = false;

  constructor(env: Env<Obs, Act, I>) {
    super(env);
    report(checkSpaces(env), env);
  }

  protected override transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<Obs, I> {
    if (!this.checkedReset) {
      this.checkedReset = true;
      report(checkResetResult(result, this.observationSpace), this.env);
    }
    return result;
  }

  protected override transformStep(result: StepResult<Obs, I>): StepResult<Obs, I> {
    if (!this.checkedStep) {
      this.checkedStep = true;
      report(checkStepResult(result, this.observationSpace), this.env);
    }
    return result;
  }
}

function report(findings: CheckFindings, env: object): void {
  const name = (env as { spec?: { id: string } | undefined }).spec?.id ?? env.constructor.name;
  for (const warning of findings.warnings) warnOnce(`${name}: ${warning}`);
  if (findings.errors.length > 0)
    throw new EnvCheckError(`${name} breaks the Env contract: ${findings.errors.join(' ')}`);
}
