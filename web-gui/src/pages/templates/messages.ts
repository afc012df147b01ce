export const en = {
  title: 'Templates',
};

export const fr: typeof en = {
  title: 'Templates',
};
