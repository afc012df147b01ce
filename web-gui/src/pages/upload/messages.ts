export const en = {
  title: 'Upload',
};

export const fr: typeof en = {
  title: 'Upload',
};
