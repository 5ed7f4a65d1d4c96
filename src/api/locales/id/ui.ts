export default {
  dashboard: {
    nextChange: 'Perubahan berikutnya: {{time}}',
  },
} as const;
