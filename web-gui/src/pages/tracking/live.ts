import { keepPreviousData } from '@tanstack/react-query';

/** Every 2 s while the page is visible (react-query pauses the interval in a hidden tab). */
export const LIVE = { refetchInterval: 2000, refetchIntervalInBackground: false, placeholderData: keepPreviousData } as const;

export const objectPath = (project: string, id: number) => `/p/${encodeURIComponent(project)}/objects/${id}`;
