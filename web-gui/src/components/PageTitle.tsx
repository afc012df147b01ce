import { useEffect, type ReactNode } from 'react';

/** The page's heading, also the document title. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · Zonelake`;
  }, [title]);
  return <h1 id="page-title">{children}</h1>;
}
