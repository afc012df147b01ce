export const en = {
  title: 'Tracking',
};

export const fr: typeof en = {
  title: 'Tracking',
};
