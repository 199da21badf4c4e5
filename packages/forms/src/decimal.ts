// Exact decimal strings for measured values: the number as typed, rounded half away from zero on its decimal
// digits (never on its binary approximation: 7.35 → "7.4", where 7.35.toFixed(1) gives "7.3").

/** The shortest decimal string of a finite number, without exponent notation. */
export function numberToDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa = '', exponentText = '0'] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

function incrementDigits(digits: string): string {
  const chars = digits.split('');
  for (let index = chars.length - 1; index >= 0; index--) {
    if (chars[index] === '9') {
      chars[index] = '0';
    } else {
      chars[index] = String(Number(chars[index]) + 1);
      return chars.join('');
    }
  }
  return `1${chars.join('')}`;
}

/** A decimal string rounded half away from zero to exactly `decimals` digits after the point. */
export function roundDecimalString(value: string, decimals: number): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new Error(`not a decimal: ${value}`);
  const negative = match[1] === '-';
  const whole = match[2] === '' ? '0' : (match[2] as string);
  const fraction = match[3] ?? '';
  let kept = whole + fraction.slice(0, decimals).padEnd(decimals, '0');
  const next = fraction.charAt(decimals);
  if (next !== '' && next >= '5') kept = incrementDigits(kept);
  const integerPart = (kept.slice(0, kept.length - decimals) || '0').replace(/^0+(?=\d)/, '');
  const fractionPart = kept.slice(kept.length - decimals);
  const text = decimals > 0 ? `${integerPart}.${fractionPart}` : integerPart;
  const isZero = /^[0.]*$/.test(text);
  return negative && !isZero ? `-${text}` : text;
}

/** A number as an exact decimal string with `decimals` digits after the point. */
export function formatDecimal(value: number, decimals: number): string {
  return roundDecimalString(numberToDecimalString(value), decimals);
}

/** What a person types, with a decimal comma or point ("7,5", "7.5", "-1"), as a number; null when it is not one. */
export function parseDecimalInput(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}
