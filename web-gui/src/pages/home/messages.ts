export const en = {
  title: 'Home',
};

export const fr: typeof en = {
  title: 'Home',
};
