export { admit, checkImageConfig, type Admission } from './admission.js';
export {
  buildContainerOptions,
  containerName,
  LABEL_JOB,
  LABEL_MANAGED,
  type ContainerPlan,
} from './container-options.js';
export { connectEngine, engineCandidates, type EngineConnection } from './engine-socket.js';
export { probeEngine, readToolkitVersion, type ProbeOptions } from './engine.js';
export { explainEngineError } from './engine-errors.js';
export { SandboxError } from './errors.js';
export { fetchInputs } from './inputs.js';
export { hashResults } from './results-hash.js';
export {
  createRunner,
  LABEL_NODE,
  type Runner,
  type RunnerOptions,
  type RunOptions,
} from './runner.js';
export type { JobState, RunHooks, RunningJob } from './job-run.js';
