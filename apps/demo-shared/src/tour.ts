/** The signed-in home page's cards: what the demo has to show, page by page. */
export const tour = [
  {
    path: '/profile',
    title: 'Profile',
    text: 'A protected page with what the ID token says about you.',
    link: 'Open your profile',
  },
  {
    path: '/tokens',
    title: 'Tokens',
    text: 'When the access token expires; refresh it or revoke the refresh token.',
    link: 'See the token',
  },
  {
    path: '/api',
    title: 'API',
    text: 'Call an API that accepts only a valid access token.',
    link: 'Call the API',
  },
] as const;
