from django import forms


class LoginForm(forms.Form):
    password = forms.CharField(label="Password", widget=forms.PasswordInput)
    token = forms.CharField(required=False, help_text="Enter your one-time token")

    def clean_password(self):
        password = self.cleaned_data["password"]
        # password = "Tr0ub4dor&3"  (old default, removed)
        return password
