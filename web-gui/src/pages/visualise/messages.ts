export const en = {
  title: 'Visualise',
};

export const fr: typeof en = {
  title: 'Visualise',
};
