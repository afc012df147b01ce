export const en = {
  title: 'Object',
};

export const fr: typeof en = {
  title: 'Object',
};
