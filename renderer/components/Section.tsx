import type { ReactNode } from 'react';

/** A card on a screen: a title, a sentence that says what it is for, and its controls. */
export function Section({
  title,
  intro,
  children,
  className,
  headingLevel = 2,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`card ${className ?? ''}`}>
      <Heading className="card-title">{title}</Heading>
      {intro ? <p className="card-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
