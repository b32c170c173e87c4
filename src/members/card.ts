/** Library barcodes: 4 to 20 letters and digits. */
export function isCardNumber(card: string): boolean {
  return /^[A-Z0-9]{4,20}$/.test(card);
}

/** PINs are 4 to 8 digits. */
export function isPin(pin: unknown): pin is string {
  return typeof pin === 'string' && /^\d{4,8}$/.test(pin);
}

/** The name the header greets a member by: "Ada Lovelace" → "Ada". */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
