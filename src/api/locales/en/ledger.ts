export default {
  states: {
    offered: 'Offered',
    declined: 'Declined',
    running: 'Running',
    completed: 'Finished',
    failed: 'Failed',
    interrupted: 'Stopped early',
    reported: 'Reported',
    credited: 'Ready to claim',
    claimed: 'Paid',
  },
  errors: {
    unknownJob: 'There is no job {{jobId}} in your earnings record.',
    wrongState: 'Job {{jobId}} is {{state}}, so "{{event}}" cannot be recorded for it.',
    invalidInput: 'The earnings record refused a value that is not valid ({{field}}).',
    invalidTimeZone: '"{{timeZone}}" is not a time zone this app knows.',
    invalidTariff: 'The electricity price "{{value}}" is not a number like 0.05.',
    locked:
      'Another copy of Lumbung is already using the earnings record in {{dir}}. Close it first.',
    writeFailed:
      'Could not save to the earnings record in {{dir}}. Check that the disk is not full.',
    closed: 'The earnings record is closed.',
    readOnly: 'The earnings record was opened only for reading here, so nothing was changed.',
  },
  issues: {
    tornTail:
      'The earnings record ended with an unfinished entry from line {{line}}, probably from a crash. It was never confirmed, so it was removed.',
    corruptLine: 'Line {{line}} of the earnings record is damaged and was skipped.',
    duplicateSeq: 'Line {{line}} repeats entry {{seq}} and was skipped so nothing counts twice.',
    invalidEvent: 'Entry {{seq}} of the earnings record could not be read and was skipped.',
    rejectedEvent:
      'Entry {{seq}} of the earnings record does not fit the job history and was skipped.',
  },
} as const;
