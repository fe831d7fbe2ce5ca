/// Sign in: agent name and password.
enum SignInPage {
    static func render(next: String, name: String = "", error: String? = nil) -> HTML {
        """
        <section class="signin">
          <h1>Sign in</h1>
          <p class="hint">The support console shows customers' credit logs: sign in with the agent name and password your team lead set up (<code>credits agents add NAME</code>).</p>
          \(error.map { Piece.note("error", "\($0)") })
          <form method="post" action="/signin">
            <input type="hidden" name="next" value="\(next)">
            <label>Agent name <input name="name" value="\(name)" autocomplete="username" required autofocus></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
          </form>
        </section>
        """
    }
}
