export const en = {
  title: 'Admin',
};

export const fr: typeof en = {
  title: 'Admin',
};
