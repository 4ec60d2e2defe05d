import '@sesame/demo-shared/demo.css';
import { auth } from '@sesame/demo-shared';
import { createAuth, createAuthGuard } from '@sesame/vue';
import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import App from './App.vue';
import Api from './pages/Api.vue';
import Home from './pages/Home.vue';
import Profile from './pages/Profile.vue';
import SignIn from './pages/SignIn.vue';
import Tokens from './pages/Tokens.vue';

// Pages only a signed-in user sees; anyone else goes to the login page and comes back here.
const signedIn = createAuthGuard();

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: Home },
    { path: '/profile', component: Profile, beforeEnter: signedIn },
    { path: '/tokens', component: Tokens, beforeEnter: signedIn },
    { path: '/api', component: Api },
    { path: '/signin', component: SignIn },
  ],
});

createApp(App)
  .use(createAuth({ client: auth }))
  .use(router)
  .mount('#app');
