const API = import.meta.env.VITE_API_URL

export async function products() {
  const res = await fetch(`${API}/products`)
  return res.json()
}
