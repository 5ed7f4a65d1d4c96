export default {
  problem: {
    toolMissing: '{{tool}} is not installed on this computer.',
    nvidia: {
      noDriver: "The NVIDIA driver isn't running, so the graphics card can't be reached.",
      versionMismatch: 'The NVIDIA driver was updated but the old one is still loaded.',
      versionMismatchWithVersion:
        'The NVIDIA driver was updated (to {{version}}) but the old one is still loaded.',
      noDevices: 'The NVIDIA driver is installed but found no NVIDIA graphics card.',
      permission: 'This change needs administrator rights.',
      gpuLost: 'The graphics card stopped responding to the computer.',
      libraryMissing: 'Part of the NVIDIA driver is missing.',
      failed: 'The NVIDIA tool reported an error (code {{code}}).',
      timeout: "The NVIDIA driver didn't answer in time.",
      unreadable: "The NVIDIA tool's answer could not be understood.",
    },
    rocm: {
      failed: 'The AMD tool reported an error (code {{code}}).',
      timeout: "The AMD driver didn't answer in time.",
      unreadable: "The AMD tool's answer could not be understood.",
    },
    si: {
      missing: 'The hardware checker is missing from this installation.',
      timeout: 'Looking up the hardware took too long.',
      failed: 'Looking up the hardware failed.',
    },
    sampler: {
      stopped: 'Live graphics card readings stopped; trying again.',
    },
  },
  verdict: {
    headline: {
      ready: 'Your {{model}} is ready to share.',
      readyMany: '{{count}} graphics cards are ready to share.',
      driverNotAnswering: "Your graphics card isn't answering, so it can't be shared right now.",
      driverBroken: "Your NVIDIA graphics driver isn't working, so the card can't be shared yet.",
      driverMissing: 'Your NVIDIA graphics card needs its driver before it can be shared.',
      migNoInstances: 'Your {{model}} is split into parts (MIG), but no parts have been made yet.',
      tooLittleMemory: 'Your {{model}} has too little memory ({{vramMiB}} MiB) for shared jobs.',
      amdNotYet: "AMD cards like your {{model}} can't be shared yet.",
      unsupported: "Your {{model}} can't be shared yet.",
      integratedOnly:
        'This computer only has built-in graphics, which is too small to rent out. Lumbung can still run small CPU jobs.',
      noGpu: 'No graphics card found. Lumbung can still run small CPU jobs.',
    },
    reason: {
      multiGpu: '{{count}} cards can be shared; each can take its own job.',
      mig: 'Your {{model}} is split into {{instances}} parts (MIG); each part can take a job.',
      migNoInstances:
        'Your {{model}} has MIG turned on but no parts created, so nothing can run on it.',
      driverOlderThanCard: 'Your NVIDIA driver is older than your card and does not know its name.',
      tooLittleMemory:
        'Your {{model}} has only {{vramMiB}} MiB of memory; shared jobs need at least 2 GiB.',
      amdNotYet: 'Your {{model}} is an AMD card; sharing AMD cards is not supported yet.',
      unsupported: 'Your {{model}} is not a card Lumbung can share yet.',
      hybrid:
        'Your computer has built-in graphics and a separate card; Lumbung only uses the separate card.',
      integratedOnly:
        'Built-in graphics share the computer’s memory and are too slow for shared jobs.',
      displayAdapterIgnored: '{{model}} only drives a screen and is not a graphics card to share.',
      cpuJobsStillPossible: 'You can still share your processor for small CPU jobs.',
    },
    fix: {
      installNvidiaDriver:
        'Install the latest NVIDIA driver from nvidia.com or your system’s driver tool.',
      updateNvidiaDriver: 'Update your NVIDIA driver to the latest version.',
      restart: 'Restart your computer.',
      checkCard: 'If it happens again, check that the card is firmly seated and has power.',
      migInstances: 'Ask whoever set up MIG to create GPU parts, or turn MIG off.',
    },
  },
  powerLimit: {
    permission:
      "Lumbung isn't allowed to change the card's power limit; it will limit power by pausing work instead.",
    notSupported:
      "This card doesn't let its power limit be changed; Lumbung will limit power by pausing work instead.",
    outOfRange: '{{watts}} W is outside what this card allows ({{minW}}–{{maxW}} W).',
  },
} as const;
