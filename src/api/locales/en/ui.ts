export default {
  dashboard: {
    nextChange: 'Next change: {{time}}',
  },
} as const;
