export default {
  tray: {
    starting: 'Lumbung is starting…',
    open: 'Open Lumbung',
    sharing: 'Share my GPU',
    quit: 'Quit Lumbung',
  },
  error: {
    senderRefused: 'This request did not come from the Lumbung window, so it was refused.',
    startFailed: 'Lumbung could not start: {{detail}}',
    startFailedTitle: 'Lumbung could not start',
  },
  start: {
    noElectron:
      "Electron's app window is not installed on this machine (its binary was not downloaded). Starting Lumbung in headless mode: open the link below in your browser.",
  },
} as const;
