import { formatPrice } from '@acme/shared'

export default function Page() {
  const api = process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:4000'
  return <main>{formatPrice(1999)} from {api}</main>
}
