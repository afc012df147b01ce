export const en = {
  title: 'Catalog',
};

export const fr: typeof en = {
  title: 'Catalog',
};
