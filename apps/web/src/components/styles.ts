/** Join class names, skipping falsy ones. */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}

export const inputClass =
  'block w-full min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-600 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500 disabled:bg-slate-100';

const buttonBase =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-base font-medium focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500 disabled:cursor-not-allowed disabled:opacity-60';

export const buttonClass = {
  primary: `${buttonBase} bg-teal-800 text-white hover:bg-teal-900`,
  secondary: `${buttonBase} border border-slate-500 bg-white text-slate-900 hover:bg-slate-100`,
  danger: `${buttonBase} bg-red-800 text-white hover:bg-red-900`,
  link: 'inline-flex min-h-11 items-center text-teal-800 underline underline-offset-2 hover:text-teal-950 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500 rounded-sm',
} as const;

export const cardClass = 'rounded-lg border border-slate-300 bg-white p-4 sm:p-6';
