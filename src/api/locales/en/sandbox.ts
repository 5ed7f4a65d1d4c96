export default {
  decline: {
    malformed: 'Declined a job: its description was damaged or incomplete ({{field}}).',
    unknownField: 'Declined a job: it asked for something Lumbung does not offer ({{field}}).',
    privileged: 'Declined a job: it asked for full control of your computer ({{field}}).',
    hostMount: 'Declined a job: it asked to see or change your own files ({{field}}).',
    hostNamespace:
      'Declined a job: it asked to see your other programs or your network ({{field}}).',
    capAdd: 'Declined a job: it asked for extra system powers ({{field}}).',
    devices: 'Declined a job: it asked for direct access to your devices ({{field}}).',
    securityOverride: 'Declined a job: it asked to switch off a safety setting ({{field}}).',
    forbiddenEnv: 'Declined a job: it tried to change how the graphics driver loads ({{name}}).',
    imageNotPinned: 'Declined a job: its program is not locked to one exact version ({{image}}).',
    noEngine: 'Declined a job: the container app is not running on this computer.',
    cpuJobWantsGpu:
      'Declined a job: it was sent as a processor-only job but asked for a graphics card.',
    gpuJobWithoutGpu:
      'Declined a job: it was sent as a graphics card job but asked for no graphics card.',
    tooManyCpus: 'Declined a job: it wanted {{asked}} processor cores; you allow {{allowed}}.',
    tooMuchMemory: 'Declined a job: it wanted {{asked}} MiB of memory; you allow {{allowed}} MiB.',
    tooMuchScratch:
      'Declined a job: it wanted {{asked}} MiB of working space; you allow {{allowed}} MiB.',
    tooManyProcesses: 'Declined a job: it wanted {{asked}} processes; you allow {{allowed}}.',
    tooLong: 'Declined a job: it could run for {{askedS}} seconds; you allow {{allowedS}} seconds.',
    egressNotAllowed:
      'Declined a job: it needs the internet, and you have not allowed jobs to go online.',
    gpuNotAllowed:
      'Declined a job: it needs the graphics card, and you have not allowed graphics card jobs.',
    tooManyGpus: 'Declined a job: it wanted {{asked}} graphics cards; you allow {{allowed}}.',
    tooMuchVram:
      'Declined a job: it wanted {{asked}} MiB of graphics memory; you allow {{allowed}} MiB.',
    priceTooLow: 'Declined a job: it pays less than your minimum price.',
    imageUnreadable: 'Declined a job: its program could not be checked.',
    imageEnv:
      'Declined a job: its program tries to change how the graphics driver loads ({{name}}).',
    imageVolumes:
      'Declined a job: its program asks for storage on your disk outside its limits ({{path}}).',
  },
  engine: {
    notFound:
      'No container app was found. Lumbung runs jobs inside Docker so they cannot touch your files.',
    notRunning: 'Docker is installed but not running.',
    noPermission: 'Docker is running, but Lumbung is not allowed to use it.',
    unreachable: 'Docker did not answer ({{code}}).',
  },
  gpu: {
    noEngine: 'Graphics card sharing needs Docker first.',
    noRuntime: 'GPU sharing needs the NVIDIA Container Toolkit. Processor-only jobs can still run.',
    toolkitUnknown:
      'The version of the NVIDIA Container Toolkit could not be checked, so graphics card jobs are off for safety. Version {{minimum}} or newer is needed.',
    toolkitUnsafe:
      'Your NVIDIA Container Toolkit ({{version}}) has a known security hole, so graphics card jobs are off. Update to {{minimum}} or newer.',
  },
  fix: {
    installDocker: 'Install Docker Desktop.',
    startDocker: 'Start Docker.',
    dockerPermission:
      'Let your user account use Docker (on Linux: add yourself to the “docker” group, then sign out and in).',
    installToolkit:
      'GPU sharing needs the NVIDIA Container Toolkit: install it, then restart Docker.',
    updateToolkit:
      'Update the NVIDIA Container Toolkit to version {{minimum}} or newer, then restart Docker.',
  },
  run: {
    gpuDriverMissing:
      'The job could not use the graphics card: Docker has no NVIDIA support installed.',
    gpuDeviceMissing: 'The job could not use the graphics card: Docker could not find it.',
    gpuToolkitFailed:
      'The job could not use the graphics card: the NVIDIA Container Toolkit failed ({{detail}}).',
    gpuGrantMismatch:
      'The job asked for {{asked}} graphics cards but {{granted}} were given to it.',
    imageUnavailable: 'The job’s program could not be found or downloaded ({{image}}).',
    engineRefused: 'Docker refused to start the job ({{detail}}).',
    alreadyRunning: 'Job {{id}} is already running.',
  },
  input: {
    downloadFailed: 'A file the job needs could not be downloaded ({{name}}, status {{status}}).',
    tooLarge: 'A file the job needs is larger than allowed ({{name}}).',
    hashMismatch:
      'A file the job needs was not the one promised, so the job was refused ({{name}}).',
  },
  outcome: {
    succeeded: 'Finished.',
    failed: 'The job’s program failed.',
    timeout: 'Stopped — the job ran out of time.',
    oom: 'Stopped — the job used more memory than it was given.',
    stopped: 'Stopped.',
    interrupted: 'Interrupted — the computer or Docker stopped while the job was running.',
  },
  stopReason: {
    requested: 'You stopped it.',
    preempted: 'Stopped so your program gets the whole graphics card.',
    timeout: 'It reached its time limit.',
    outputTooLarge: 'It wrote more results than allowed.',
    shutdown: 'Lumbung was closing.',
  },
} as const;
