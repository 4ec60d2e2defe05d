// An auth0-vue app written as auth0-vue's README and EXAMPLES.md show it (createAuth0 plugin,
// useAuth0 with getAccessTokenSilently, authGuard in vue-router, $auth0 in the Options API,
// errors by class) — only the import is Sesame's. Render functions stand in for templates.
// biome-ignore-all lint/correctness/useHookAtTopLevel: a React rule; Vue composables belong in setup()
import { authGuard, createAuth0, GenericError, PopupCancelledError, useAuth0 } from '@sesame/vue/auth0';
import { createApp, defineComponent, h, ref } from 'vue';
import { createRouter, createWebHistory, RouterLink, RouterView } from 'vue-router';

declare const __TENANT_URL__: string;

const Profile = defineComponent({
  setup() {
    const { user } = useAuth0();
    return () => h('h2', { id: 'profile' }, `Profile of ${user.value?.email}`);
  },
});

// Calls an API with the access token, as auth0-vue's "Calling an API" example (here the tenant's /userinfo).
const Posts = defineComponent({
  setup() {
    const { getAccessTokenSilently } = useAuth0();
    const email = ref<string>();
    (async () => {
      try {
        const token = await getAccessTokenSilently();
        const response = await fetch(`${__TENANT_URL__}/userinfo`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        email.value = (await response.json()).email;
      } catch (e) {
        email.value = e instanceof GenericError ? `error ${e.error}` : 'error';
      }
    })();
    return () => h('p', { id: 'api' }, email.value ? `API says ${email.value}` : 'Calling the API…');
  },
});

// The Options API, with the global $auth0.
const LogoutButton = defineComponent({
  methods: {
    logout() {
      this.$auth0.logout({ logoutParams: { returnTo: window.location.origin } });
    },
  },
  render() {
    return h('button', { type: 'button', onClick: this.logout }, 'Log out');
  },
});

const SignedOutTools = defineComponent({
  setup() {
    const { loginWithPopup, getAccessTokenSilently } = useAuth0();
    const result = ref('');
    const popup = async () => {
      try {
        await loginWithPopup();
      } catch (e) {
        result.value = e instanceof PopupCancelledError ? 'PopupCancelledError' : String(e);
      }
    };
    const cacheOnly = async () => {
      result.value = `cache-only: ${await getAccessTokenSilently({ cacheMode: 'cache-only' })}`;
    };
    const silent = async () => {
      try {
        await getAccessTokenSilently();
      } catch (e) {
        if (e instanceof GenericError) result.value = `GenericError ${e.error}`;
      }
    };
    return () =>
      h('p', [
        h('button', { type: 'button', onClick: popup }, 'Log in with a popup'),
        h('button', { type: 'button', onClick: cacheOnly }, 'Token from the cache only'),
        h('button', { type: 'button', onClick: silent }, 'Token silently'),
        h('output', { id: 'result' }, result.value),
      ]);
  },
});

const App = defineComponent({
  setup() {
    const { isLoading, isAuthenticated, error, user, loginWithRedirect } = useAuth0();
    return () => {
      if (isLoading.value) return h('div', 'Loading...');
      return [
        error.value &&
          h(
            'div',
            { id: 'error' },
            `Oops... ${error.value instanceof GenericError ? error.value.error : error.value.message}`,
          ),
        isAuthenticated.value
          ? h('div', [h('p', { id: 'hello' }, `Hello ${user.value?.name}`), h(LogoutButton), h(Posts)])
          : [
              h('button', { type: 'button', onClick: () => loginWithRedirect() }, 'Log in'),
              h(SignedOutTools),
            ],
        h(RouterLink, { to: '/profile' }, () => 'Profile'),
        h(RouterView),
      ];
    };
  },
});

const app = createApp(App);
app.use(
  createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/profile', component: Profile, beforeEnter: authGuard },
    ],
  }),
);
app.use(
  createAuth0({
    domain: __TENANT_URL__,
    clientId: 'sesame-spa',
    authorizationParams: { redirect_uri: window.location.origin },
  }),
);
app.mount('#app');
